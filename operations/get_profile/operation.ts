import { defineOperation } from '../../connector/operation.js';

export default defineOperation({
  name: 'get_profile',
  title: "Get profile",
  description: "Gets the profile of the user the token acts as. Rests on SalesLoft's Postman collection only (no reference page); get_me is the documented way to ask who the token is.",
  method: 'GET',
  path: '/v2/profiles',
});
