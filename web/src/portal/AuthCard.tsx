import { Container, Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The narrow card the sign-up, sign-in and password pages share. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container size={440} px={0} py="lg">
      <Title order={1} size="h2" ta="center" mb="lg">
        {title}
      </Title>
      <Paper withBorder p="lg" radius="md">
        {children}
      </Paper>
    </Container>
  );
}
