// The Kayako writer: canonical records in, Kayako API calls out; every reference is resolved through the caller's `resolve`.
export type { FieldTarget, ReferenceKind, WriteContext, WriterOptions, WriteWarning, Written } from './context';
export { noteOfWarnings } from './context';
export { convertFieldValue, convertFieldValues, kayakoTimestamp, KAYAKO_FIELD_TYPE } from './field-values';
export { ensureField, listFields, matchedFieldTarget, optionLabel, optionTagOf, type EnsuredField, type KayakoField } from './fields';
export { createTeam, findTeamsByLegacyIds, listTeams, type KayakoTeam } from './teams';
export { createOrganization, findOrganizationsByLegacyIds, organizationsByLegacyId, organizationsByName } from './organizations';
export { createUser, disableUser, findUserByEmail, findUsersByLegacyIds, finishUser, loadKnownUsers, loadUsersByEmail, type KnownUsers } from './users';
export { importCases, BULK_CASES, type CaseOutcome } from './cases';
export { findCasesByLegacyIds } from './case-lookup';
export { uploadAttachment, uploadAttachments, type UploadedFile } from './files';
export { rewriteInlineImages } from './inline-images';
export { articleAddresses, createArticle, createCategory, createSection, findHelpCenterByLegacyIds, findHelpCenterMadeBefore, helpCenterArticleUrl, relinkArticle, rewriteArticleLinks, updateArticleContents } from './helpcenter';
export { deleteRecord, type DeletableKind } from './rollback';
export { referenceData, statusIdFor, priorityIdFor, typeIdFor, roleIdFor, type ReferenceData } from './reference-data';
