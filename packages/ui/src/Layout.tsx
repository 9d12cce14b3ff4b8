import { Container, Footer, Header, SkipLink } from "nhsuk-react-components";
import type { ReactNode } from "react";
import { PageTitle, useFocusHeadingOnNavigation } from "./page-title";

export interface NavItem {
  href: string;
  text: string;
  current?: boolean;
}

/**
 * The NHS.UK page frame: skip link, header with the service name and navigation, main, footer. It sets the
 * document title from the route (`handle.title`) or the page (`usePageTitle`), and moves focus to the main
 * heading after each navigation.
 */
export function Layout({
  serviceName,
  serviceHref,
  nav,
  account,
  children,
}: {
  serviceName: string;
  serviceHref: string;
  nav: NavItem[];
  account?: ReactNode;
  children: ReactNode;
}) {
  useFocusHeadingOnNavigation();
  return (
    <PageTitle serviceName={serviceName}>
      <SkipLink href="#maincontent">Skip to main content</SkipLink>
      <Header service={{ text: serviceName, href: serviceHref }}>
        {account}
        <Header.Navigation>
          {nav.map((item) => (
            <Header.NavigationItem key={item.href} href={item.href} current={item.current}>
              {item.text}
            </Header.NavigationItem>
          ))}
        </Header.Navigation>
      </Header>
      <Container>
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
          {children}
        </main>
      </Container>
      <Footer>
        <Footer.Meta>
          <Footer.List>
            <Footer.ListItem href="/api/v1/openapi.json">Open data API</Footer.ListItem>
          </Footer.List>
          <Footer.Copyright>Realise — open source, for NHS trusts and the national team</Footer.Copyright>
        </Footer.Meta>
      </Footer>
    </PageTitle>
  );
}
