// Turning signatures into what users paste: signed documents, cookie headers, words for a hover.
export {
  checkCookieDomain,
  checkCookieScope,
  cookieDomainCovers,
  cookiePathFor,
  httpDate,
  SAME_SITE_VALUES,
  type SameSite,
  resourceHost,
  resourceOnHost,
  curlCommand,
  curlWithCookies,
  shellQuote,
  formatCookies,
  setCookieHeaders,
  type CookieFormat,
  type SetCookieOptions,
} from './cookieOutput';
export { isPublicSuffix, parentCookieDomains } from './cookieDomains';
export { durationInWords, expiryInWords, largestUnit, summarizeSignedUrl, type DurationUnit, type SignedUrlSummary } from './describeSigned';
export { EXPIRY_PRESETS, parseLocalDateTime, readDateArgument, type ExpiryPreset } from './expiry';
export { findUrls, isPlaylist, type UrlOccurrence } from './findUrls';
export { applyEdits, planTextSigning, signEach, signText, type SignTextOptions, type SignTextResult, type SkippedUrl, type TextEdit, type TextSigningPlan } from './signText';
export { signConcurrently, type ConcurrencyOptions } from './concurrentSign';
export { commonResource } from './commonResource';
