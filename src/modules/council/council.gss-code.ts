/**
 * A GSS code of an English council (E06…, E07…, E08…, E09…, E10…): the service covers English
 * councils only (DOMAIN.md), so a W, S or N code can never name one of its councils. The councils
 * table enforces the same pattern (councils_gss_code_format in council.table.ts).
 */
export const gssCodePattern = /^E\d{8}$/;
