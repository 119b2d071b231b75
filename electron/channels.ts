// IPC channel names shared by main and the preload. Imports nothing, so the
// sandboxed preload bundle stays a few lines long.
export const CALL_CHANNEL = 'khipu:call';
export const PRINT_CHANNEL = 'khipu:print';
