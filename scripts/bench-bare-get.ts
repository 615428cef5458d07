// The baseline process of the CLI start benchmark: imports got, does one GET with a Bearer header and
// prints the JSON, as a user's own script would. Usage: node dist/scripts/bench-bare-get.js <url>
import got from 'got';

const body = await got(process.argv[2]!, { headers: { authorization: `Bearer ${process.env.SALESLOFT_ACCESS_TOKEN ?? ''}` } }).text();
process.stdout.write(`${JSON.stringify(JSON.parse(body), null, 2)}\n`);
