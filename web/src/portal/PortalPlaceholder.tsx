import { Anchor, Container, List, Text, Title } from "@mantine/core";

/** Until the customer portal lands, any page outside /admin/ points at what exists. */
export function PortalPlaceholder() {
  return (
    <Container size="sm" py="xl" component="main">
      <Title order={1}>Tollgate</Title>
      <Text mt="sm">The customer portal is not here yet.</Text>
      <List mt="md">
        <List.Item>
          <Anchor href="/admin/">Staff admin</Anchor>
        </List.Item>
        <List.Item>
          <Anchor href="/api/docs/">API documentation</Anchor>
        </List.Item>
      </List>
    </Container>
  );
}
