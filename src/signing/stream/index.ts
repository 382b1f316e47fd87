// Streams (HLS and DASH): parse, walk as a player does, plan the signing, rewrite signed playlists.
export { appendQueryToManifest, fillTemplate, isDashManifest, parseDash, parseIsoDuration, type DashManifest, type DashResource } from './dash';
export { isHlsPlaylist, parseAttributes, parseHls, type HlsPlaylist, type MediaResource, type PlaylistReference } from './hls';
export { LIVE_SESSION_SECONDS, MAX_COOKIE_BYTES, planStream, type BehaviorGroup, type PlanOptions, type StreamPlan, type StreamProblem, type StreamProblemCode } from './plan';
export { isRelativeUri, resolveUri, StreamError, type ByteRange, type RequestRole, type StreamErrorCode, type StreamKind, type StreamRequest, type UriOccurrence } from './types';
export { DEFAULT_WALK_LIMITS, distinctUrls, rewriteDocument, walkStream, type ReadText, type StreamWalk, type WalkedDocument, type WalkLimits } from './walk';
