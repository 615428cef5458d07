import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'create_live_website_tracking_parameter',
  title: 'Create live website tracking parameter',
  description:
    "Creates the tracking parameter to add to a link so that the person's visits show on Live Website Tracking.",
  method: 'POST',
  path: '/v2/live_website_tracking_parameters',
});
