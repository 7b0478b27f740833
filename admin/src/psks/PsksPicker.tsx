// The referral's PSKS destination (`referral.psksId`, decision 0023): a search of the active
// directory entries the TKSK may refer to (the API answers within their region), by name, each
// shown with its type by name. Optional: a referral to a puskesmas names no entry.
import { AutocompleteInput, ReferenceInput } from 'react-admin';
import type { PsksRecord } from '../types';
import { usePsksTypes } from './usePsksTypes';

export const PsksPicker = ({ source, label }: { source: string; label: string }) => {
  const { nameOf } = usePsksTypes();
  return (
    <ReferenceInput source={source} reference="psks" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
      <AutocompleteInput
        label={label}
        fullWidth
        filterToQuery={(q: string) => (q ? { q } : {})}
        optionText={(r: PsksRecord | undefined) => (r ? `${r.name} — ${nameOf(r.typeCode)}` : '')}
        data-testid={`field-${source}`}
      />
    </ReferenceInput>
  );
};
