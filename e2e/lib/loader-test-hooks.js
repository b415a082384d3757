
// Appended to the loader by `scripts/build --test-hooks` (dist-test/ only, never dist/): lets an
// end-to-end test reach an element's app to simulate an internal error.
export const __testing = {
  simulateInternalError(element) {
    running.get(element)?.app.simulateInternalError();
  },
};
