// The retention sweep each hour: personal data past each campaign's retentionDays is removed (docs/deploy/netlify.md).
import { retention } from '../../../functions/adapters/netlify.ts';

export default retention;

export const config = { schedule: '@hourly' };
