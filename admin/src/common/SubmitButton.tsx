// A form's submit button that is disabled while the form is being submitted, also when it must
// stay enabled otherwise (a form prefilled from an example is not "dirty"): react-admin's
// `alwaysEnable` would keep it clickable during the request, and a double tap would send twice.
import { SaveButton, type SaveButtonProps } from 'react-admin';
import { useFormState } from 'react-hook-form';

export const SubmitButton = (props: Omit<SaveButtonProps, 'alwaysEnable'>) => {
  const { isSubmitting } = useFormState();
  return <SaveButton {...props} alwaysEnable={!isSubmitting} />;
};
