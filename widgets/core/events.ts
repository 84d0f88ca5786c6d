/**
 * The events every widget fires. Their `detail` carries ids and counts only, never what the supporter typed:
 * the host page (and every analytics script on it) can listen, and personal data is not theirs to read.
 */
import type { ErrorCode } from '../../schema/errors.ts';

export interface SubmitDetail {
  campaign: string;
}
export interface SuccessDetail {
  campaign: string;
  /** The id of the stored action (for a petition, the signature id). */
  id: string;
  count: number;
  /** True when this supporter had already done this ask: nothing new was counted. */
  duplicate: boolean;
}
export interface ErrorDetail {
  campaign: string;
  /** An API error code, or `network` when the API could not be reached and nothing could be stored. */
  code: ErrorCode | 'network';
}
export type QueuedDetail = SubmitDetail;

class LadderEvent<T> extends Event {
  readonly detail: T;
  constructor(type: string, detail: T, cancelable = false) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = detail;
  }
}

/** One small class per event type, so listeners can use `instanceof` and TypeScript knows each `detail`. */
const eventClass = <T>(type: string, cancelable = false) =>
  class extends LadderEvent<T> {
    constructor(detail: T) {
      super(type, detail, cancelable);
    }
  };

/** Before sending. Cancel it (`preventDefault()`) to stop the submission. */
export const LadderSubmitEvent = eventClass<SubmitDetail>('ladder-submit', true);
export type LadderSubmitEvent = InstanceType<typeof LadderSubmitEvent>;
/** The API stored the action (or it had been stored before: `duplicate`). */
export const LadderSuccessEvent = eventClass<SuccessDetail>('ladder-success');
export type LadderSuccessEvent = InstanceType<typeof LadderSuccessEvent>;
/** The API refused the action, or it could not be sent. */
export const LadderErrorEvent = eventClass<ErrorDetail>('ladder-error');
export type LadderErrorEvent = InstanceType<typeof LadderErrorEvent>;
/** The API could not be reached: the action is stored on this device and will be sent when it can. */
export const LadderQueuedEvent = eventClass<QueuedDetail>('ladder-queued');
export type LadderQueuedEvent = InstanceType<typeof LadderQueuedEvent>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ladder-submit': LadderSubmitEvent;
    'ladder-success': LadderSuccessEvent;
    'ladder-error': LadderErrorEvent;
    'ladder-queued': LadderQueuedEvent;
  }
}
