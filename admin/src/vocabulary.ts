// react-admin choices for domain's closed vocabularies (domain/case.ts, domain/taskTypes.ts,
// domain/roles.ts, domain/taliAsih.ts …); the labels live in the i18n messages under `kesos.*`.

/** `{id, name}` choices whose names are i18n keys (react-admin translates them). */
export const choices = (values: readonly string[], prefix: string) => values.map((id) => ({ id, name: `${prefix}.${id}` }));
