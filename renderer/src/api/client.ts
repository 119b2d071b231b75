import type { OperationInput, OperationName, OperationResult } from '../../../shared/api';
import type { KhipuBridge, PrintRequest, PrintResponse } from '../../../shared/bridge';
import type { Locale } from '../../../shared/i18n';

/** A refusal from the ledger, already in the user's language; `field` names the input to mark. */
export class ApiCallError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
    this.field = field;
  }
}

export interface KhipuClient {
  call<Op extends OperationName>(operation: Op, input: OperationInput<Op>): Promise<OperationResult<Op>>;
  print(request: PrintRequest): Promise<PrintResponse>;
}

export function createClient(bridge: KhipuBridge, locale: () => Locale, unreachableMessage: () => string): KhipuClient {
  return {
    async call(operation, input) {
      let response;
      try {
        response = await bridge.call(operation, input, locale());
      } catch {
        throw new ApiCallError('http.unreachable', unreachableMessage());
      }
      if (response.ok) return response.result as never;
      const { code, message, field } = response.error;
      throw new ApiCallError(code, message || unreachableMessage(), field);
    },
    print: (request) => bridge.print({ locale: locale(), ...request }),
  };
}
