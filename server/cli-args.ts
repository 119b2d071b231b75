// Arguments of `npm run serve -- …`. Messages are Spanish: this is what the treasurer reads.

export interface ServeArguments {
  port?: number;
  host?: string;
  databasePath?: string;
}

export type ParsedServeArguments = { ok: true; value: ServeArguments } | { ok: false; message: string };

const usage = 'Uso: npm run serve -- [--port N] [--host DIRECCIÓN] [--db ARCHIVO]';

/** Accepts `--port 5000` and `--port=5000` alike (likewise --host, --db). */
export function parseServeArguments(argv: readonly string[]): ParsedServeArguments {
  const value: ServeArguments = {};
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] as string;
    const [flag, inlineValue] = splitFlag(argument);
    if (flag !== '--port' && flag !== '--host' && flag !== '--db') {
      return { ok: false, message: `Opción desconocida: ${argument}\n${usage}` };
    }
    const flagValue = inlineValue ?? argv[++i];
    if (flagValue === undefined || flagValue === '') {
      return { ok: false, message: `Falta el valor de ${flag}.\n${usage}` };
    }
    if (flag === '--port') {
      const port = Number(flagValue);
      if (!/^\d+$/.test(flagValue) || port > 65535) {
        return { ok: false, message: `El puerto debe ser un número entre 0 y 65535 (recibido: ${flagValue}).` };
      }
      value.port = port;
    } else if (flag === '--host') {
      value.host = flagValue;
    } else {
      value.databasePath = flagValue;
    }
  }
  return { ok: true, value };
}

function splitFlag(argument: string): [string, string | undefined] {
  const equals = argument.indexOf('=');
  return equals === -1 ? [argument, undefined] : [argument.slice(0, equals), argument.slice(equals + 1)];
}
