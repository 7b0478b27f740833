// The PSKS types of the latest list version (GET /api/psks-types): configurable on the server, so
// their names come from there, in the reader's language.
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useLocaleState } from 'react-admin';
import type { KesosDataProvider } from '../dataProvider';
import type { PsksTypeRecord } from '../types';

export function usePsksTypes() {
  const dataProvider = useDataProvider<KesosDataProvider>();
  const [locale] = useLocaleState();
  const { data } = useQuery({ queryKey: ['psks-types'], queryFn: () => dataProvider.psksTypes().then((r) => r.data), staleTime: 60 * 60_000 });
  const types = data ?? [];
  const nameOf = (code: string) => {
    const t = types.find((x: PsksTypeRecord) => x.id === code);
    return t ? (locale === 'en' ? t.nameEn : t.nameId) : code;
  };
  return { types, nameOf, choices: types.map((t) => ({ id: t.id, name: locale === 'en' ? t.nameEn : t.nameId })) };
}
