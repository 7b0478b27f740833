// What stops a custom task form from being sent, under the form: the answers still missing (named
// in the form's own words) and the fields the server refused. Shared by the phone-first forms.
import { Alert, Box } from '@mui/material';
import { useTranslate } from 'react-admin';

const Problems = ({ title, items, testId }: { title: string; items: string[]; testId: string }) =>
  items.length > 0 ? (
    <Alert severity="error" data-testid={testId}>
      {title}
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {items.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </Box>
    </Alert>
  ) : null;

export const FormProblems = ({ missing, missingTitle, rejected }: { missing: string[]; missingTitle: string; rejected: string[] }) => {
  const translate = useTranslate();
  return (
    <>
      <Problems title={translate(missingTitle)} items={missing} testId="missing-answers" />
      <Problems title={translate('kesos.tasks.complete.field_errors')} items={rejected} testId="server-errors" />
    </>
  );
};
