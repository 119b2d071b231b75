// `npm run serve`: Khipu in the browser, for machines without the Electron runtime and for scripts.
import { isKhipuError } from '../shared/errors';
import { parseServeArguments } from './cli-args';
import { startBrowserModeServer } from './http';
import { isLoopbackHost } from './request-checks';

const parsed = parseServeArguments(process.argv.slice(2));
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(2);
}
const { host, port = 4173, databasePath } = parsed.value;
if (host !== undefined && !isLoopbackHost(host)) {
  console.error(
    `Aviso: con --host ${host} otras computadoras de la red pueden llegar a Khipu. ` +
      'Cualquiera que tenga la dirección con el token puede ver y cambiar la contabilidad.',
  );
}

try {
  const server = await startBrowserModeServer({ host, port, databasePath });
  console.log(`Base de datos: ${server.databasePath}`);
  console.log(`Khipu en modo navegador: ${server.url}`);
  console.log('Para detenerlo, presione Ctrl+C.');

  // Ctrl+C may arrive twice (terminal and `npm start` both forward it): close once.
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('No se pudo cerrar limpiamente:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(startupFailureMessage(error, port));
  process.exit(1);
}

function startupFailureMessage(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return `El puerto ${port} ya está en uso (¿Khipu ya está abierto?). Elija otro con --port, por ejemplo: npm run serve -- --port ${port + 1}`;
  }
  if (code === 'EACCES') return `No hay permiso para usar el puerto ${port}. Elija otro con --port, por ejemplo --port 4173.`;
  if (isKhipuError(error)) return `No se pudo abrir la base de datos: ${error.message}`;
  return `No se pudo iniciar Khipu en modo navegador: ${error instanceof Error ? error.message : String(error)}`;
}
