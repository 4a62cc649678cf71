/**
 * One event as an iCalendar file (RFC 5545) for "Add to my calendar": built as text from the
 * normalized event, never by echoing feed text, with TEXT values escaped and lines folded.
 */
import type { CalendarEvent } from '../feed/types.js';
import { safeUrl } from '../feed/url.js';

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

const encoder = new TextEncoder();

/** RFC 5545 §3.1: lines of at most 75 octets, continued after CRLF and a space. */
function fold(line: string): string {
  let out = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > 75) {
      out += '\r\n ';
      size = 1;
    }
    out += char;
    size += bytes;
  }
  return out;
}

const basic = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');

/** `DTSTART;VALUE=DATE:20220808` or `DTSTART:20220815T023000Z`; `undefined` if unreadable. */
function timeLine(name: string, value: string, allDay: boolean): string | undefined {
  if (allDay) return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${name};VALUE=DATE:${basic(value)}` : '';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : `${name}:${basic(new Date(ms).toISOString())}`;
}

/** A VCALENDAR holding `event` alone, CRLF line ends. `now` stamps it (DTSTAMP). */
export function eventIcs(event: CalendarEvent, now = new Date()): string {
  const start = timeLine('DTSTART', event.start, event.allDay);
  const end = event.end ? timeLine('DTEND', event.end, event.allDay) : undefined;
  const url = safeUrl(event.url);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ect-widgets//ect-calendar//TH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.id)}`,
    `DTSTAMP:${basic(now.toISOString())}`,
    start,
    end,
    `SUMMARY:${escapeText(event.title)}`,
    event.location && `LOCATION:${escapeText(event.location)}`,
    event.description && `DESCRIPTION:${escapeText(event.description)}`,
    // A URI is not TEXT: it is not escaped, and the allow-list leaves no line break in it.
    url && `URL:${url}`,
    event.categories.length && `CATEGORIES:${event.categories.map(escapeText).join(',')}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines
    .filter((line): line is string => !!line)
    .map(fold)
    .join('\r\n')}\r\n`;
}

/** A file name from the event's date and title, without characters file systems refuse. */
export function icsFileName(event: CalendarEvent): string {
  const title = event.title
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, '-')
    .replace(/^-|-$/g, '');
  return `${event.start.slice(0, 10)}${title ? `-${[...title].slice(0, 60).join('')}` : ''}.ics`;
}
