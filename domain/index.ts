// Bundle-safe shared vocabulary: imported by workflows (inside Temporal's sandbox), activities,
// the API and the portal. No Node APIs here.
export * from './case';
export * from './nik';
export * from './pmks';
export * from './regions';
export * from './roles';
export * from './taskTypes';
export * from './searchAttributes';
export * from './access';
export * from './workflowContracts';
export * from './duration';
export * from './primitives';
export * from './interventions';
export * from './caseSettings';
export * from './calendar';
export * from './bulk';
export * from './taliAsih';
