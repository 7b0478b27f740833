// Loaded by path (it also runs inside the workflow sandbox): failure messages and stack traces are
// moved into an encoded attribute, which the payload codec encrypts.
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
