// The application menu, in Spanish. Only the type comes from electron, so the
// template is unit tested in Node.
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(isPackaged: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: 'Aumentar texto', role: 'zoomIn' },
    { label: 'Reducir texto', role: 'zoomOut' },
    { label: 'Tamaño normal', role: 'resetZoom' },
  ];
  if (!isPackaged) view.push({ type: 'separator' }, { label: 'Herramientas de desarrollo', role: 'toggleDevTools' });
  return [
    { label: 'Archivo', submenu: [{ label: 'Salir', role: 'quit' }] },
    {
      label: 'Editar',
      submenu: [
        { label: 'Deshacer', role: 'undo' },
        { label: 'Rehacer', role: 'redo' },
        { type: 'separator' },
        { label: 'Cortar', role: 'cut' },
        { label: 'Copiar', role: 'copy' },
        { label: 'Pegar', role: 'paste' },
        { label: 'Seleccionar todo', role: 'selectAll' },
      ],
    },
    { label: 'Ver', submenu: view },
  ];
}
