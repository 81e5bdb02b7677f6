// Prints the Terraform configuration in a folder as JSON: {"<file>.tf": <hcl2json of that file>, ...}.
// Enforcer.Deploy.Tests runs it because no Google provider can be downloaded here, so
// `terraform validate` cannot run; the tests check the parsed configuration instead.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "@cdktf/hcl2json";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node tf2json.mjs <terraform folder>");
  process.exit(2);
}

const files = (await readdir(dir)).filter((f) => f.endsWith(".tf")).sort();
const result = {};
for (const file of files) {
  result[file] = await parse(file, await readFile(join(dir, file), "utf8"));
}
process.stdout.write(JSON.stringify(result));
