// What the offer-snapshots feature shares on purpose (the meeting form lists the snapshots).
export { OFFER_SNAPSHOTS_URL } from './offer-snapshots-api';
