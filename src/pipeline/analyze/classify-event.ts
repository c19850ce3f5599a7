import type { EventKind } from '../../schemas/facts.js';
import { signals } from './signals.js';

/**
 * One kind per line, in the order a responder would name it: a line that says "resolved" is
 * a resolution even if it also mentions errors.
 */
export function classifyEvent(text: string, source: string | null): EventKind {
  const haystack = `${source ?? ''} ${text}`;
  if (signals.resolveMarker.test(text)) return 'resolve';
  if (
    (signals.strongRecovery.test(text) ||
      signals.monitorRecovered.test(text) ||
      signals.weakRecovery.test(text)) &&
    !signals.caveat.test(text)
  )
    return 'recover';
  if (signals.identify.test(text)) return 'identify';
  if (signals.mitigate.test(text) || signals.mitigatedMarker.test(text)) return 'mitigate';
  if (signals.acknowledge.test(text)) return 'acknowledge';
  if (
    signals.alert.test(text) ||
    (source !== null && signals.alertSource.test(source) && signals.impact.test(text))
  )
    return 'alert';
  if (signals.report.test(text)) return 'report';
  if (signals.investigate.test(text)) return 'investigate';
  if (signals.statusUpdate.test(haystack)) return 'status-update';
  if (signals.deploy.test(text)) return 'deploy';
  if (signals.impact.test(text)) return 'impact';
  return 'note';
}
