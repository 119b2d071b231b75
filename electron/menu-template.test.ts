import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menu-template';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('menuTemplate', () => {
  it('is a small Spanish menu built from roles', () => {
    const menu = menuTemplate(true);
    expect(menu.map((item) => item.label)).toEqual(['Archivo', 'Editar', 'Ver']);
    expect(roles(menu)).toEqual(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom']);
  });

  it('offers the developer tools only when not packaged', () => {
    expect(roles(menuTemplate(true))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate(false))).toContain('toggleDevTools');
  });
});
