/** Errors of the register of parties: suppliers, buyers, lenders, public entities, funders (es). */
export const partiesErrors: Record<string, string> = {
  'party.notFound': 'No existe el proveedor o cliente {id} en esta asociación.',
  'party.archived': '«{name}» está archivado; reactívelo para registrarle documentos nuevos.',
  'party.nameRequired': 'Escriba el nombre o la razón social.',
  'party.nameTooLong': 'El nombre es demasiado largo (máximo {max} caracteres).',
  'party.documentNumberRequired': 'Escriba el número de {documentType}.',
  'party.documentNumberNotAllowed': 'Sin documento no se escribe número; elija RUC o DNI.',
  'party.duplicateDocument': 'El documento {number} ya está registrado para «{name}».',
  'party.duplicateMember': 'El socio ya está registrado como «{name}».',
  'party.memberNotFound': 'No existe el socio {id} en esta asociación.',
  'party.textTooLong': 'El texto es demasiado largo (máximo {max} caracteres).',
  'party.memberOtherAssociation': 'El socio vinculado no es de esta asociación.',
  'party.immutable': 'La asociación y los datos de registro de un proveedor o cliente no se cambian.',
  'party.used':
    'Este proveedor o cliente tiene movimientos registrados: no se borra. Archívelo si ya no trabaja con la asociación.',
};
