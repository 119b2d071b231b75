import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KhipuError } from '../shared/errors';
import { databasePathFor, startupErrorMessage } from './startup';

describe('databasePathFor', () => {
  const userData = join('/home', 'rosa', '.config', 'Khipu');

  it('opens khipu.sqlite in the user data folder by default', () => {
    expect(databasePathFor({}, userData)).toBe(join(userData, 'khipu.sqlite'));
    expect(databasePathFor({ KHIPU_DB: '   ' }, userData)).toBe(join(userData, 'khipu.sqlite'));
  });

  it('uses KHIPU_DB when set', () => {
    expect(databasePathFor({ KHIPU_DB: '/srv/odel/promotor.sqlite' }, userData)).toBe('/srv/odel/promotor.sqlite');
  });
});

describe('startupErrorMessage', () => {
  it('shows the Spanish catalog text of a KhipuError, e.g. a file from a newer version', () => {
    const error = new KhipuError('db.newerVersion', { params: { fileVersion: 9, supportedVersion: 3 } });
    expect(startupErrorMessage(error)).toBe(
      'Este archivo fue creado con una versión más nueva de Khipu (esquema 9; esta versión entiende hasta 3). ' +
        'Actualice Khipu para abrirlo. El archivo no se modificó.',
    );
  });

  it('never shows a raw error or stack trace', () => {
    const message = startupErrorMessage(new Error('SQLITE_CANTOPEN: at Database.open (/snapshot/x.js:1:1)'));
    expect(message).toBe('Ocurrió un error interno. No se guardó nada. Si se repite, avise al soporte.');
  });
});
