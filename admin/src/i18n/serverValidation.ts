// Field issues of a 422 (problem+json `errors[]`: path, message, zod issue code) in the UI's
// language. The API words them in English; in Bahasa Indonesia the portal words the common zod
// codes itself, taking the limit or example from zod's own message, and keeps the server's words
// where it has none better (a domain rule's custom message, an unfamiliar code).

export interface ServerIssue {
  message: string;
  code?: string;
}

/** An i18n key under `kesos.validation` and its arguments, or undefined to keep the server's text. */
export function validationKey({ code, message }: ServerIssue): { key: string; args?: Record<string, string> } | undefined {
  switch (code) {
    case 'invalid_type':
      return { key: /received undefined/.test(message) ? 'required' : 'invalid_type' };
    case 'too_small':
    case 'too_big': {
      // zod: "Too small: expected string to have >=5 characters", "… number to be <=100".
      const n = /(?:>=|<=|>|<)\s*(-?\d[\d.]*)/.exec(message)?.[1];
      if (n === undefined) return undefined;
      const kind = /characters/.test(message) ? 'string' : /items/.test(message) ? 'array' : 'number';
      if (code === 'too_small' && kind === 'string' && n === '1') return { key: 'required' };
      return { key: `${code}.${kind}`, args: { n } };
    }
    case 'invalid_format': {
      // Our own patterns say what fits: "… like 33.73.01", "…, e.g. BRI:0021-01-000123-50-1".
      const example = /(?:like|e\.g\.)\s+([^\s,;)]+)/.exec(message)?.[1];
      return example ? { key: 'invalid_format_example', args: { example } } : { key: 'invalid_format' };
    }
    case 'invalid_value':
      return { key: 'invalid_value' };
    case 'unrecognized_keys':
      return { key: 'unrecognized_keys' };
    case 'not_multiple_of': {
      const n = /multiple of (\S+)/.exec(message)?.[1];
      return n ? { key: 'not_multiple_of', args: { n } } : undefined;
    }
    case 'invalid_union':
      return { key: 'invalid_union' };
    // Codes of our own refinements (domain/problems.ts FIELD_ISSUE_CODES).
    case 'invalid_duration':
      return { key: 'invalid_duration' };
    default:
      return undefined;
  }
}

/** The issue's message for the UI: translated when the locale is Indonesian, else the server's. */
export function localizedIssue(issue: ServerIssue, locale: string, translate: (key: string, options?: Record<string, unknown>) => string): string {
  if (locale !== 'id') return issue.message;
  const found = validationKey(issue);
  return found ? translate(`kesos.validation.${found.key}`, { ...found.args, _: issue.message }) : issue.message;
}
