// A DASH manifest (MPD, ISO/IEC 23009-1) as a player reads it: BaseURL at every level (MPD, Period,
// AdaptationSet, Representation), each resolved against the one above and the first against the
// manifest's URL; segment addressing by SegmentTemplate ($RepresentationID$, $Number$, $Bandwidth$,
// $Time$, with printf widths like $Number%05d$; duration-based or expanded from a SegmentTimeline),
// SegmentList and SegmentBase, inherited from Period to AdaptationSet to Representation. Counts are
// worked out before any URL is made, so a template that would describe a billion segments is refused
// instead of filling memory. XML through @xmldom/xmldom (no dependencies, a W3C DOM with namespaces).
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { isRelativeUri, resolveUri, StreamError, type ByteRange, type RequestRole } from './types';

export interface DashResource {
  readonly url: string;
  readonly role: Extract<RequestRole, 'segment' | 'init'>;
  readonly range?: ByteRange;
  readonly relative: boolean;
}

export interface DashManifest {
  /** `dynamic` manifests are live: segments keep coming and the manifest is read again. */
  readonly live: boolean;
  /** mediaPresentationDuration, seconds, when given. */
  readonly duration?: number;
  readonly resources: readonly DashResource[];
}

export function isDashManifest(text: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<([\w-]+:)?MPD[\s>]/.test(text.replace(/^\uFEFF/, ''));
}

/** An ISO 8601 duration as MPDs write it (PnYnMnDTnHnMnS; years and months as 365 and 30 days), in seconds. */
export function parseIsoDuration(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const match = /^\s*(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?\s*$/.exec(text);
  if (!match) return undefined;
  const [, negative, y, mo, d, h, mi, s] = match;
  const seconds = (Number(y ?? 0) * 365 + Number(mo ?? 0) * 30 + Number(d ?? 0)) * 86400 + Number(h ?? 0) * 3600 + Number(mi ?? 0) * 60 + Number(s ?? 0);
  return negative ? -seconds : seconds;
}

/** Fills a SegmentTemplate's identifiers; `%0Nd` pads a number to N digits ($$ is a dollar sign). */
export function fillTemplate(template: string, values: { readonly RepresentationID?: string; readonly Number?: number; readonly Bandwidth?: number; readonly Time?: number }): string {
  return template.replace(/\$(RepresentationID|Number|Bandwidth|Time|SubNumber)?(?:%0(\d+)d)?\$/g, (whole, name: string | undefined, width: string | undefined) => {
    if (name === undefined) return '$';
    const value = values[name as keyof typeof values];
    if (value === undefined) return whole;
    const text = String(value);
    return width ? text.padStart(Number(width), '0') : text;
  });
}

const children = (element: Element, name: string): Element[] => {
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name) found.push(node as Element);
  }
  return found;
};
const child = (element: Element | undefined, name: string): Element | undefined => (element ? children(element, name)[0] : undefined);
const text = (element: Element): string => (element.textContent ?? '').trim();
const attribute = (element: Element | undefined, name: string): string | undefined => (element?.hasAttribute(name) ? (element.getAttribute(name) ?? undefined) : undefined);

/** The first BaseURL of an element resolved against `base`, or `base`. */
function baseOf(element: Element, base: { url: string; relative: boolean }): { url: string; relative: boolean } {
  const baseUrl = child(element, 'BaseURL');
  if (!baseUrl || !text(baseUrl)) return base;
  return { url: resolveUri(text(baseUrl), base.url), relative: base.relative && isRelativeUri(text(baseUrl)) };
}

function parseRange(value: string | undefined): ByteRange | undefined {
  const match = value ? /^\s*(\d+)-(\d+)\s*$/.exec(value) : null;
  return match ? { offset: Number(match[1]), length: Number(match[2]) - Number(match[1]) + 1 } : undefined;
}

/** The segment information of a level with what it inherits: the element at each level, innermost first. */
type Levels = readonly Element[];
const inherited = (levels: Levels, name: string): string | undefined => {
  for (const level of levels) {
    const value = attribute(level, name);
    if (value !== undefined) return value;
  }
  return undefined;
};

export interface DashLimits {
  /** Requests at most: a manifest describing more is refused. */
  readonly maxRequests: number;
  /** Segments listed per Representation of a live manifest whose end is unknown. */
  readonly liveSegments: number;
}

export function parseDocument(textOfManifest: string, url: string): Document & { readonly documentElement: Element } {
  const notDash = () => new StreamError('NotAPlaylist', url, `${url} is not a DASH manifest (no <MPD> element): pass the URL of a .mpd manifest or a .m3u8 playlist.`);
  if (!isDashManifest(textOfManifest)) throw notDash();
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(textOfManifest, 'application/xml');
  } catch (error) {
    throw new StreamError('NotAPlaylist', url, `${url} is not well-formed XML (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): fix the manifest.`);
  }
  if (!hasRoot(document)) throw notDash();
  return document;
}

const hasRoot = (document: Document): document is Document & { readonly documentElement: Element } => document.documentElement !== null;

/** Parses an MPD served at `url` into the requests a player makes. */
export function parseDash(manifest: string, url: string, limits: DashLimits): DashManifest {
  const mpd = parseDocument(manifest, url).documentElement;
  const live = attribute(mpd, 'type') === 'dynamic';
  const presentation = parseIsoDuration(attribute(mpd, 'mediaPresentationDuration'));
  const resources: DashResource[] = [];
  let budget = limits.maxRequests;
  const spend = (count: number) => {
    budget -= count;
    if (budget < 0) {
      throw new StreamError(
        'TooManyRequests',
        url,
        `${url} describes more than ${limits.maxRequests.toLocaleString('en-US')} segment requests (${count.toLocaleString('en-US')} in one Representation): check its SegmentTemplate duration, timescale and mediaPresentationDuration, or plan with a larger maxRequests.`,
      );
    }
  };
  const add = (resource: DashResource) => resources.push(resource);

  const root = baseOf(mpd, { url, relative: true });
  const periods = children(mpd, 'Period');
  periods.forEach((period, index) => {
    const start = parseIsoDuration(attribute(period, 'start')) ?? 0;
    const nextStart = parseIsoDuration(attribute(periods[index + 1], 'start'));
    const periodDuration = parseIsoDuration(attribute(period, 'duration')) ?? (nextStart !== undefined ? nextStart - start : presentation !== undefined ? presentation - start : undefined);
    const periodBase = baseOf(period, root);
    for (const set of children(period, 'AdaptationSet')) {
      const setBase = baseOf(set, periodBase);
      for (const representation of children(set, 'Representation')) {
        const base = baseOf(representation, setBase);
        const values = { RepresentationID: attribute(representation, 'id') ?? '', Bandwidth: Number(attribute(representation, 'bandwidth') ?? 0) };
        const templates = [representation, set, period].map((level) => child(level, 'SegmentTemplate')).filter((e): e is Element => e !== undefined);
        const lists = [representation, set, period].map((level) => child(level, 'SegmentList')).filter((e): e is Element => e !== undefined);
        const segmentBase = [representation, set, period].map((level) => child(level, 'SegmentBase')).find((e) => e !== undefined);
        const at = (uri: string) => ({ url: resolveUri(uri, base.url), relative: base.relative && isRelativeUri(uri) });
        if (templates.length > 0) {
          const initialization = inherited(templates, 'initialization') ?? attribute(child(templates[0], 'Initialization'), 'sourceURL');
          if (initialization) add({ ...at(fillTemplate(initialization, values)), role: 'init' });
          const media = inherited(templates, 'media');
          if (media) expandTemplate(templates, media, values, { periodDuration, live, liveSegments: limits.liveSegments }, spend, (uri) => add({ ...at(uri), role: 'segment' }));
        } else if (lists.length > 0) {
          const initialization = lists.map((list) => child(list, 'Initialization')).find((e) => e !== undefined);
          if (initialization) {
            const range = parseRange(attribute(initialization, 'range'));
            const source = attribute(initialization, 'sourceURL');
            add({ ...(source ? at(source) : base), role: 'init', ...(range ? { range } : {}) });
          }
          const segments = children(lists[0], 'SegmentURL');
          spend(segments.length);
          for (const segment of segments) {
            const media = attribute(segment, 'media');
            const range = parseRange(attribute(segment, 'mediaRange'));
            add({ ...(media ? at(media) : base), role: 'segment', ...(range ? { range } : {}) });
          }
        } else {
          // SegmentBase, or nothing: the Representation is one file at its BaseURL, read by ranges.
          spend(1);
          const initialization = parseRange(attribute(child(segmentBase, 'Initialization'), 'range'));
          if (initialization) add({ ...base, role: 'init', range: initialization });
          add({ ...base, role: 'segment' });
        }
      }
    }
  });
  return { live, ...(presentation !== undefined ? { duration: presentation } : {}), resources };
}

interface TemplatePeriod {
  readonly periodDuration: number | undefined;
  readonly live: boolean;
  readonly liveSegments: number;
}

/** Every media URI of a SegmentTemplate: the SegmentTimeline's entries, or duration-based numbering. */
function expandTemplate(
  templates: Levels,
  media: string,
  values: { RepresentationID: string; Bandwidth: number },
  period: TemplatePeriod,
  spend: (count: number) => void,
  emit: (uri: string) => void,
): void {
  const timescale = Number(inherited(templates, 'timescale') ?? 1) || 1;
  const startNumber = Number(inherited(templates, 'startNumber') ?? 1);
  const timeline = templates.map((template) => child(template, 'SegmentTimeline')).find((e) => e !== undefined);
  const periodEnd = period.periodDuration !== undefined ? period.periodDuration * timescale : undefined;
  if (timeline) {
    const entries = children(timeline, 'S').map((s) => ({ t: attribute(s, 't'), d: Number(attribute(s, 'd') ?? 0), r: Number(attribute(s, 'r') ?? 0) }));
    // First the count, with r = -1 ("until the next S or the end of the period") worked out.
    const counts: number[] = [];
    let time = Number(inherited(templates, 'presentationTimeOffset') ?? 0);
    entries.forEach((entry, i) => {
      if (entry.t !== undefined) time = Number(entry.t);
      let repeats = entry.r;
      if (repeats < 0) {
        const next = entries[i + 1]?.t;
        const end = next !== undefined ? Number(next) : periodEnd;
        repeats = end !== undefined && entry.d > 0 ? Math.ceil((end - time) / entry.d) - 1 : period.liveSegments - 1;
      }
      counts.push(Math.max(0, repeats + 1));
      time += counts[i] * entry.d;
    });
    spend(counts.reduce((sum, count) => sum + count, 0));
    let number = startNumber;
    time = Number(inherited(templates, 'presentationTimeOffset') ?? 0);
    entries.forEach((entry, i) => {
      if (entry.t !== undefined) time = Number(entry.t);
      for (let k = 0; k < counts[i]; k++) {
        emit(fillTemplate(media, { ...values, Number: number++, Time: time }));
        time += entry.d;
      }
    });
    return;
  }
  const duration = Number(inherited(templates, 'duration') ?? 0);
  const count = duration > 0 && periodEnd !== undefined && !period.live ? Math.ceil(periodEnd / duration) : duration > 0 || media.includes('$Number') ? period.liveSegments : 1;
  spend(count);
  for (let k = 0; k < count; k++) emit(fillTemplate(media, { ...values, Number: startNumber + k, Time: k * duration }));
}

/** The attributes (and BaseURL texts) of an MPD that hold URIs, with each signed query appended. */
const URI_ATTRIBUTES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['SegmentTemplate', ['media', 'initialization', 'index']],
  ['Initialization', ['sourceURL']],
  ['RepresentationIndex', ['sourceURL']],
  ['SegmentURL', ['media', 'index']],
];

/**
 * The manifest with `query` (a custom policy's Policy, Signature and Key-Pair-Id) appended to every
 * URI it holds: templates keep their identifiers, so one wildcard signature covers every segment.
 */
export function appendQueryToManifest(manifest: string, url: string, query: string): string {
  const document = parseDocument(manifest, url);
  const withQuery = (uri: string) => `${uri}${uri.includes('?') ? '&' : '?'}${query}`;
  const walk = (element: Element) => {
    if (element.localName === 'BaseURL' && text(element)) element.textContent = withQuery(text(element));
    for (const [name, attributes] of URI_ATTRIBUTES) {
      if (element.localName !== name) continue;
      for (const key of attributes) {
        const value = attribute(element, key);
        if (value) element.setAttribute(key, withQuery(value));
      }
    }
    for (let node = element.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) walk(node as Element);
  };
  walk(document.documentElement);
  return new XMLSerializer().serializeToString(document);
}
