import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_recording_setting',
  title: 'Get recording setting',
  description:
    "Tells whether calls to a phone number are recorded by default, from the team's Do Not Record list and recording governance.",
  method: 'GET',
  path: '/v2/phone_numbers/recording_settings/{phone_number}',
});
