// A whole-rupiah input that reads Indonesian formatting ("2.500.000", "Rp 2.500.000", "2500000")
// and shows the amount grouped ("2.500.000") once the field is left. The text is kept as typed
// while the field has focus: re-grouping on every key would move the caret and the dots.
import { useEffect, useState } from 'react';
import { InputAdornment, TextField } from '@mui/material';
import { FieldTitle, InputHelperText, useInput, type InputProps } from 'react-admin';
import { groupRupiah, parseRupiah } from './rupiah';
import { formatRupiah } from './RupiahField';

const shown = (value: unknown): string => (typeof value === 'number' ? groupRupiah(value) : typeof value === 'string' ? value : '');

export const RupiahInput = ({ helperText, ...props }: InputProps & { helperText?: string }) => {
  const {
    field,
    fieldState: { error, invalid },
    isRequired,
    id,
  } = useInput(props);
  const [text, setText] = useState(shown(field.value));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(shown(field.value));
  }, [field.value, focused]);
  const value = field.value;
  // Say what was understood ("= Rp 2.500.000"), so a missing zero shows before saving.
  const understood = typeof value === 'number' ? `= ${formatRupiah(value)}` : undefined;
  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        field.onChange(parseRupiah(e.target.value));
      }}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        field.onBlur();
      }}
      label={<FieldTitle label={props.label} source={props.source} resource={props.resource} isRequired={isRequired} />}
      error={invalid}
      helperText={<InputHelperText error={error?.message} helperText={[understood, helperText].filter(Boolean).join(' · ') || ' '} />}
      inputProps={{ inputMode: 'numeric', 'data-testid': `rupiah-${props.source}` }}
      InputProps={{ startAdornment: <InputAdornment position="start">Rp</InputAdornment> }}
      size="small"
      margin="dense"
      sx={{ minWidth: 260 }}
    />
  );
};
