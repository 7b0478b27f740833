// Names for the codes records carry: a person by user id (GET /api/people: colleagues of one's
// region and above it), a region by Kemendagri code (GET /api/regions) as "Sidorejo (33.73.01)",
// a boolean as a word. Lookups are batched per render by react-admin's getManyAggregate.
import { Chip } from '@mui/material';
import { useFieldValue, useGetManyAggregate, useTranslate, type FieldProps } from 'react-admin';
import type { PersonRecord, RegionRecord } from '../types';

/** A user's display name; the id when the person is outside what the caller may look up; "Sistem" for none. */
export const PersonName = ({ id }: { id: string | null | undefined }) => {
  const translate = useTranslate();
  const { data } = useGetManyAggregate<PersonRecord>('people', { ids: id ? [id] : [] }, { enabled: !!id, staleTime: 5 * 60_000 });
  if (!id) return <span>{translate('kesos.field.system')}</span>;
  const person = data?.find((p) => p.id === id);
  return <span title={id}>{person?.displayName ?? id}</span>;
};

export const PersonField = ({ source, ...props }: FieldProps & { source: string }) => {
  const id = useFieldValue({ ...props, source }) as string | null | undefined;
  return <PersonName id={id} />;
};

/** "Sidorejo (33.73.01)": the name first, the code secondary. */
export const RegionName = ({ code }: { code: string | null | undefined }) => {
  const { data } = useGetManyAggregate<RegionRecord>('regions', { ids: code ? [code] : [] }, { enabled: !!code, staleTime: 60 * 60_000 });
  if (!code) return <span>—</span>;
  const region = data?.find((r) => r.id === code);
  return region ? (
    <span>
      {region.name} <span style={{ opacity: 0.8 }}>({code})</span>
    </span>
  ) : (
    <span>{code}</span>
  );
};

export const RegionField = ({ source, ...props }: FieldProps & { source: string }) => {
  const code = useFieldValue({ ...props, source }) as string | null | undefined;
  return <RegionName code={code} />;
};

/** Ya / Tidak as a chip (a tick icon alone says nothing to a screen reader or on paper). */
export const YesNoField = ({ source, ...props }: FieldProps & { source: string }) => {
  const value = useFieldValue({ ...props, source });
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" label={translate(value ? 'ra.boolean.true' : 'ra.boolean.false')} />;
};
