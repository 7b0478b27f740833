// The reason a supervisor gives for an intervention (reassignment, deadline extension): required,
// at least five characters, kept in the audit log beside the decision.
import { minLength, required, TextInput } from 'react-admin';

export const ReasonInput = () => (
  <TextInput
    source="reason"
    label="kesos.field.reason"
    multiline
    minRows={3}
    validate={[required(), minLength(5)]}
    helperText="kesos.interventions.reason_help"
    fullWidth
  />
);
