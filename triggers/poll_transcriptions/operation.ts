import { defineTrigger } from '../../connector/operation.js';

export default defineTrigger({
  name: 'poll_transcriptions',
  title: 'New or updated transcriptions',
  description:
    'Returns the transcriptions created or updated since the previous poll, each marked created or updated, and the state to pass to the next poll. The first poll without a state returns nothing and starts from now (or from since).',
  delivery: 'poll',
  resource: 'transcription',
  list: 'list_transcriptions',
});
