/**
 * Payment-result page (/p/second-payment/pay-result.html?pmntId=…), facts §5: "Payment Successful",
 * "Thank you! We've received your payment.", no order id and no amounts. The page is ready only once it
 * says the payment succeeded, so the background never records a code as used on a failed payment.
 */
import { containsAny, queryFirst, textOf } from '../dom.ts';
import { LOADING, PAYMENT_FAILED_TEXT, PAYMENT_SUCCESS_TEXT } from '../selectors.ts';
import { NOT_READ, type RawPage } from '../../shared/page-model/raw.ts';

const NO_AMOUNTS = 'the payment-result page shows no amounts';

export function readPayResult(doc: Document): RawPage {
  const text = textOf(doc.body);
  const base = {
    ...NOT_READ,
    summaryMissing: NO_AMOUNTS,
    linesMissing: 'the payment-result page lists no items',
  };
  if (containsAny(text, PAYMENT_FAILED_TEXT)) {
    return { ...base, ready: false, notReadyReason: 'the page says the payment did not go through' };
  }
  if (containsAny(text, PAYMENT_SUCCESS_TEXT)) return { ...base, ready: true, notReadyReason: null };
  return {
    ...base,
    ready: false,
    notReadyReason: queryFirst(doc, LOADING)
      ? 'the payment result is still loading (spinner shown)'
      : 'the page does not (yet) say the payment succeeded',
  };
}
