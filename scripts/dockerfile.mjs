// A small reader of this project's Dockerfile (the instructions it uses), for the container checks.

/**
 * Stages with their steps: `{ name, base, steps: [{ instruction, flags, args }] }`. Exec-form
 * arguments (`["node", "-e", "…"]`) are parsed as JSON; `--flag=value` options go to `flags`.
 */
export function parseDockerfile(text) {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  const stages = [];
  for (const line of lines) {
    const [, instruction, rest] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (!instruction) throw new Error(`cannot read Dockerfile line: ${line}`);
    const flags = {};
    let remainder = rest;
    for (let match; (match = /^--([\w-]+)=(\S+)\s+/.exec(remainder)); remainder = remainder.slice(match[0].length)) flags[match[1]] = match[2];
    let args;
    const exec = /^(CMD\s+)?(\[.*\])$/.exec(remainder);
    if (exec) args = [...(exec[1] ? ['CMD'] : []), ...JSON.parse(exec[2])];
    else args = remainder.split(/\s+/);
    const upper = instruction.toUpperCase();
    if (upper === 'FROM') {
      stages.push({ base: args[0], name: args[2], steps: [] });
      continue;
    }
    if (upper === 'RUN') args = [remainder];
    stages.at(-1).steps.push({ instruction: upper, flags, args });
  }
  return stages;
}
