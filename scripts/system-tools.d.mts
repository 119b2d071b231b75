// Types of scripts/system-tools.mjs (plain Node, so that `npm test` can run it before anything else).

export interface SystemTool {
  tool: string;
  package: string;
  use: string;
  check: { file?: string; commands?: string[]; dpkg?: string; runs?: string[] };
}

export const SYSTEM_TOOLS: readonly SystemTool[];

export interface SystemToolFacts {
  /** Debian packages not installed, in SYSTEM_TOOLS order. */
  missing: string[];
  isRoot: boolean;
  passwordlessSudo: boolean;
  aptGet: boolean;
}

export type SystemToolsPlan =
  | { action: 'nothing' }
  | { action: 'install'; packages: string[]; steps: string[][] }
  | { action: 'stop'; reason: 'no-apt' | 'no-rights' | 'apt-failed'; packages: string[]; command: string };

export function planSystemTools(facts: SystemToolFacts): SystemToolsPlan;

export function stopMessage(plan: Extract<SystemToolsPlan, { action: 'stop' }>): string;
