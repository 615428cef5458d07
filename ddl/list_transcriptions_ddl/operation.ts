import { defineDdl, minuteOf } from '../../connector/operation.js';

export default defineDdl({
  name: 'list_transcriptions_ddl',
  title: "List transcriptions (DDL)",
  description: "Transcriptions for a dropdown: the conversation's language and when it was transcribed, valued by its UUID. Typed text is matched against these texts, within the first 500 records.",
  path: '/v2/transcriptions',
  paging: 'pages',
  search: 'text',
  choice: (transcription) => ({ text: `Transcript ${minuteOf(transcription.created_at)} (${transcription.language_code ?? 'unknown language'})`, value: transcription.id }),
});
