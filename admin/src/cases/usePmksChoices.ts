import { useTranslate } from 'react-admin';
import { PMKS_CATEGORIES } from '../../../domain/pmks';

/** Choices for a PMKS select: "LUT — Lanjut Usia Telantar" in the current language. */
export const usePmksChoices = () => {
  const translate = useTranslate();
  return PMKS_CATEGORIES.map((c) => ({ id: c.code, name: `${c.code} — ${translate(`kesos.pmks.${c.code}`, { _: c.nameId })}` }));
};
