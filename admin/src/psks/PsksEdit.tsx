// A PSKS entry changed (PATCH /api/psks/:id, audited by the API as psks.updated with the changed
// fields): the same fields as a new entry, the type fixed. The data provider sends only what changed.
import { BooleanInput, Edit, SimpleForm } from 'react-admin';
import { PsksFields } from './PsksCreate';

export const PsksEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <PsksFields typeLocked />
      <BooleanInput source="active" />
    </SimpleForm>
  </Edit>
);
