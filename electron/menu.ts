import { Menu } from 'electron';
import { menuTemplate } from './menu-template';

export function installMenu(isPackaged: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(isPackaged)));
}
