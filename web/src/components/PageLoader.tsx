import { Center, Loader, VisuallyHidden } from "@mantine/core";

/** The loading state; a screen reader hears "Loading" through the status region. */
export function PageLoader() {
  return (
    <Center py="xl" role="status">
      <Loader />
      <VisuallyHidden>Loading…</VisuallyHidden>
    </Center>
  );
}
