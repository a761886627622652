// A Playwright reporter that prints every step over 100 ms (fixtures, hooks, actions, expects) with
// its duration, to find where a story's time goes:
// E2E_PORT=4248 npx playwright test e2e/x.spec.ts --retries 0 --reporter=./scripts/e2e-step-timings.mjs
export default class StepTimings {
  onStepEnd(test, _result, step) {
    if (step.duration < 100) return;
    let depth = 0;
    for (let p = step.parent; p; p = p.parent) depth++;
    const seconds = (step.duration / 1000).toFixed(2);
    console.log(
      `${test.title.slice(0, 40)} | ${'  '.repeat(depth)}${seconds}s [${step.category}] ${step.title.slice(0, 100)}`,
    );
  }

  onTestEnd(test, result) {
    console.log(`== ${test.title.slice(0, 60)} ${result.status} ${(result.duration / 1000).toFixed(1)}s`);
  }
}
