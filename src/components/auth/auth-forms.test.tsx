import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { signIn } from "next-auth/react";
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from "vitest";
import { router } from "@/test/next-navigation";
import { ChangePasswordForm } from "./change-password-form";
import { ForgotPasswordForm } from "./forgot-password-form";
import { acceptInvitationAction, inviteSignUpAction } from "./invite-actions";
import { InviteAcceptButton } from "./invite-accept-button";
import { InviteSignUpForm } from "./invite-sign-up-form";
import { changePasswordAction, requestPasswordResetAction, resetPasswordAction } from "./password-actions";
import { ResetPasswordForm } from "./reset-password-form";
import { SignInForm } from "./sign-in-form";
import { signUpAction } from "./sign-up-actions";
import { SignUpForm } from "./sign-up-form";

// The network edges: next-auth's client (which posts to /api/auth) and the server actions.
vi.mock("next-auth/react", () => ({ signIn: vi.fn() }));
vi.mock("./password-actions", () => ({ requestPasswordResetAction: vi.fn(), resetPasswordAction: vi.fn(), changePasswordAction: vi.fn() }));
vi.mock("./sign-up-actions", () => ({ signUpAction: vi.fn() }));
vi.mock("./invite-actions", () => ({ acceptInvitationAction: vi.fn(), inviteSignUpAction: vi.fn() }));

const PASSWORD = "correct horse battery";
/** 32 random bytes in base64url, the shape of reset and invitation tokens. */
const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";
let assign: Mock<(url: string | URL) => void>;

beforeEach(() => {
  vi.clearAllMocks();
  assign = vi.fn<(url: string | URL) => void>();
  vi.spyOn(window.location, "assign").mockImplementation(assign);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("SignInForm", () => {
  it("checks the fields before asking next-auth", async () => {
    const user = userEvent.setup();
    render(<SignInForm callbackUrl="/t/acme" />);
    await user.click(await screen.findByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Enter a valid email address")).toBeInTheDocument();
    expect(screen.getByText("Enter your password")).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveFocus();
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(screen.getByLabelText("Password")).toHaveFocus();
    await user.clear(screen.getByLabelText("Email"));
    await user.type(screen.getByLabelText("Email"), "ada@example");
    await user.type(screen.getByLabelText("Password"), PASSWORD);
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Enter a valid email address")).toBeInTheDocument();
    expect(signIn).not.toHaveBeenCalled();
    expect(screen.getByRole("link", { name: "Forgot password?" })).toHaveAttribute("href", "/forgot-password");
  });

  it("sends the email trimmed and in lower case, as the server compares it", async () => {
    const user = userEvent.setup();
    vi.mocked(signIn).mockResolvedValue({ ok: true, error: undefined, status: 200, url: null } as never);
    render(<SignInForm callbackUrl="/t/acme" />);
    await user.type(screen.getByLabelText("Email"), "  Ada@Example.COM ");
    await user.type(screen.getByLabelText("Password"), PASSWORD);
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(signIn).toHaveBeenCalledWith("credentials", { email: "ada@example.com", password: PASSWORD, redirect: false }));
  });

  it("signs in and goes to the callback, never to another site", async () => {
    const user = userEvent.setup();
    vi.mocked(signIn).mockResolvedValue({ ok: true, error: undefined, status: 200, url: null, code: undefined } as never);
    render(<SignInForm callbackUrl="https://evil.example/steal" defaultEmail="ada@example.com" />);
    expect(screen.getByLabelText("Email")).toHaveValue("ada@example.com");
    await user.type(screen.getByLabelText("Password"), PASSWORD);
    await user.click(await screen.findByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(assign).toHaveBeenCalled());
    expect(signIn).toHaveBeenCalledWith("credentials", { email: "ada@example.com", password: PASSWORD, redirect: false });
    expect(String(assign.mock.calls[0]![0])).not.toContain("evil.example");
  });

  it("retries once when the first answer refuses the CSRF token (a first visit's cookies raced), and never calls that a success", async () => {
    const user = userEvent.setup();
    const csrf = { ok: true, error: undefined, status: 200, url: "http://localhost/api/auth/signin?csrf=true" } as never;
    vi.mocked(signIn)
      .mockResolvedValueOnce(csrf)
      .mockResolvedValueOnce({ ok: true, error: undefined, status: 200, url: null } as never)
      .mockResolvedValueOnce(csrf)
      .mockResolvedValueOnce(csrf);
    render(<SignInForm callbackUrl="/t/acme" defaultEmail="ada@example.com" />);
    await user.type(screen.getByLabelText("Password"), PASSWORD);
    await user.click(await screen.findByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
    expect(signIn).toHaveBeenCalledTimes(2);
    // Refused twice: an error the member can act on, and no navigation.
    await user.click(await screen.findByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The sign-in could not be verified. Reload the page and try again.");
    expect(signIn).toHaveBeenCalledTimes(4);
    expect(assign).toHaveBeenCalledTimes(1);
  });

  it("says the credentials are wrong, or passes on a lockout message", async () => {
    const user = userEvent.setup();
    vi.mocked(signIn)
      .mockResolvedValueOnce({ ok: false, error: "CredentialsSignin", status: 401, url: null } as never)
      .mockResolvedValueOnce({ ok: false, error: "Too many attempts. Try again in 15 minutes.", status: 401, url: null } as never);
    render(<SignInForm callbackUrl="/" defaultEmail="ada@example.com" />);
    await user.type(screen.getByLabelText("Password"), "wrong password");
    await user.click(await screen.findByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The email or password is not right.");
    await user.click(await screen.findByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Too many attempts. Try again in 15 minutes.")).toBeInTheDocument();
    expect(assign).not.toHaveBeenCalled();
  });
});

describe("SignUpForm", () => {
  async function fill(user: ReturnType<typeof userEvent.setup>) {
    await user.type(screen.getByLabelText("Your name"), "Ada Lovelace");
    await user.type(screen.getByLabelText("Work email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), PASSWORD);
    await user.type(screen.getByLabelText("Organisation"), "Analytical");
  }

  it("creates the organisation, signs in and opens it", async () => {
    const user = userEvent.setup();
    vi.mocked(signUpAction).mockResolvedValue({ ok: true, data: { message: "ok" } });
    vi.mocked(signIn).mockResolvedValue({ ok: true, status: 200, url: null } as never);
    render(<SignUpForm />);
    await fill(user);
    await user.click(await screen.findByRole("button", { name: "Create organisation" }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith("/"));
    expect(signUpAction).toHaveBeenCalledWith({ name: "Ada Lovelace", email: "ada@example.com", password: PASSWORD, organisation: "Analytical" });
  });

  it("says what to do when the address already had an account", async () => {
    const user = userEvent.setup();
    vi.mocked(signUpAction).mockResolvedValue({ ok: true, data: { message: "ok" } });
    vi.mocked(signIn).mockResolvedValue({ ok: false, error: "CredentialsSignin", status: 401, url: null } as never);
    render(<SignUpForm />);
    await fill(user);
    await user.click(await screen.findByRole("button", { name: "Create organisation" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("We could not sign you in with this email and password.");
    expect(assign).not.toHaveBeenCalled();
  });

  it("checks the password length before sending", async () => {
    const user = userEvent.setup();
    render(<SignUpForm />);
    await user.type(screen.getByLabelText("Password"), "short");
    await user.click(await screen.findByRole("button", { name: "Create organisation" }));
    expect(await screen.findAllByRole("alert")).not.toHaveLength(0);
    expect(signUpAction).not.toHaveBeenCalled();
  });
});

describe("ForgotPasswordForm", () => {
  it("asks for a reset link and shows the same answer for any address", async () => {
    const user = userEvent.setup();
    vi.mocked(requestPasswordResetAction).mockResolvedValue({ ok: true, data: { message: "If the address has an account, a link is on its way." } });
    render(<ForgotPasswordForm />);
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.click(await screen.findByRole("button", { name: "Send reset link" }));
    expect(await screen.findByRole("status")).toHaveTextContent("If the address has an account, a link is on its way.");
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("shows a refusal such as a rate limit", async () => {
    const user = userEvent.setup();
    vi.mocked(requestPasswordResetAction).mockResolvedValue({ ok: false, error: { code: "TOO_MANY_REQUESTS", message: "Slow down." } });
    render(<ForgotPasswordForm />);
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.click(await screen.findByRole("button", { name: "Send reset link" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Slow down.");
  });
});

describe("ResetPasswordForm", () => {
  it("sets the new password and sends the person to sign in again", async () => {
    const user = userEvent.setup();
    vi.mocked(resetPasswordAction).mockResolvedValue({ ok: true, data: { email: "ada+1@example.com" } });
    render(<ResetPasswordForm token={TOKEN} />);
    await user.type(screen.getByLabelText("New password"), PASSWORD);
    await user.click(await screen.findByRole("button", { name: "Set new password" }));
    await waitFor(() => expect(router.push).toHaveBeenCalledWith("/sign-in?notice=password-reset&email=ada%2B1%40example.com"));
    expect(resetPasswordAction).toHaveBeenCalledWith({ token: TOKEN, password: PASSWORD });
  });

  it("shows a dead link as the form's message", async () => {
    const user = userEvent.setup();
    vi.mocked(resetPasswordAction).mockResolvedValue({ ok: false, error: { code: "BAD_REQUEST", message: "This link has expired. Ask for a new one." } });
    render(<ResetPasswordForm token={TOKEN} />);
    await user.type(screen.getByLabelText("New password"), PASSWORD);
    await user.click(await screen.findByRole("button", { name: "Set new password" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This link has expired. Ask for a new one.");
    expect(router.push).not.toHaveBeenCalled();
  });
});

describe("ResetPasswordForm with a broken link", () => {
  it("says the link is not valid without asking the server", async () => {
    const user = userEvent.setup();
    render(<ResetPasswordForm token="not-a-token" />);
    await user.type(screen.getByLabelText("New password"), PASSWORD);
    await user.click(await screen.findByRole("button", { name: "Set new password" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This reset link is not valid");
    expect(resetPasswordAction).not.toHaveBeenCalled();
  });
});

describe("ChangePasswordForm", () => {
  async function submit(user: ReturnType<typeof userEvent.setup>) {
    await user.type(screen.getByLabelText("Current password"), "old password 123");
    await user.type(screen.getByLabelText("New password"), PASSWORD);
    await user.click(await screen.findByRole("button", { name: "Change password" }));
  }

  it("changes the password and signs in again with the new one", async () => {
    const user = userEvent.setup();
    vi.mocked(changePasswordAction).mockResolvedValue({ ok: true, data: { email: "ada@example.com" } });
    vi.mocked(signIn).mockResolvedValue({ ok: true, status: 200, url: null } as never);
    render(<ChangePasswordForm callbackUrl="/t/acme" />);
    await submit(user);
    expect(await screen.findByRole("status")).toHaveTextContent("Password changed.");
    expect(screen.getByRole("link", { name: "Back to work" })).toHaveAttribute("href", "/t/acme");
    expect(signIn).toHaveBeenCalledWith("credentials", { email: "ada@example.com", password: PASSWORD, redirect: false });
    expect(screen.getByLabelText("New password")).toHaveValue("");
  });

  it("sends the person to sign in when signing in again fails, and shows a wrong current password", async () => {
    const user = userEvent.setup();
    vi.mocked(changePasswordAction)
      .mockResolvedValueOnce({ ok: true, data: { email: "ada@example.com" } })
      .mockResolvedValueOnce({ ok: false, error: { code: "BAD_REQUEST", message: "Invalid", fieldErrors: { currentPassword: ["The current password is not right"] } } });
    vi.mocked(signIn).mockResolvedValue({ ok: false, error: "CredentialsSignin", status: 401, url: null } as never);
    render(<ChangePasswordForm callbackUrl="/t/acme" />);
    await submit(user);
    await waitFor(() => expect(assign).toHaveBeenCalledWith("/sign-in?notice=password-reset&email=ada%40example.com"));
    await user.click(await screen.findByRole("button", { name: "Change password" }));
    expect(await screen.findByText("The current password is not right")).toBeInTheDocument();
  });
});

describe("Invitations", () => {
  it("creates the account, joins and opens the organisation's cases", async () => {
    const user = userEvent.setup();
    vi.mocked(inviteSignUpAction).mockResolvedValue({ ok: true, data: { tenantSlug: "acme", email: "new@example.com" } });
    vi.mocked(signIn).mockResolvedValue({ ok: true, status: 200, url: null } as never);
    render(<InviteSignUpForm token={TOKEN} email="new@example.com" tenantName="Acme" />);
    expect(screen.getByLabelText("Email")).toHaveValue("new@example.com");
    expect(screen.getByLabelText("Email")).toHaveAttribute("readonly");
    await user.type(screen.getByLabelText("Your name"), "New Person");
    await user.type(screen.getByLabelText("Password"), PASSWORD);
    await user.click(await screen.findByRole("button", { name: "Create account and join Acme" }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith("/t/acme/cases"));
    expect(inviteSignUpAction).toHaveBeenCalledWith({ token: TOKEN, name: "New Person", password: PASSWORD });
  });

  it("explains what to do when signing in after joining fails", async () => {
    const user = userEvent.setup();
    vi.mocked(inviteSignUpAction).mockResolvedValue({ ok: true, data: { tenantSlug: "acme", email: "new@example.com" } });
    vi.mocked(signIn).mockResolvedValue({ ok: false, error: "CredentialsSignin", status: 401, url: null } as never);
    render(<InviteSignUpForm token={TOKEN} email="new@example.com" tenantName="Acme" />);
    await user.type(screen.getByLabelText("Your name"), "New Person");
    await user.type(screen.getByLabelText("Password"), PASSWORD);
    await user.click(await screen.findByRole("button", { name: "Create account and join Acme" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("We could not sign you in with this password.");
  });

  it("accepts an invitation, showing why it could not", async () => {
    const user = userEvent.setup();
    vi.mocked(acceptInvitationAction).mockResolvedValue({ ok: false, error: { code: "GONE", message: "This invitation was withdrawn." } });
    render(<InviteAcceptButton token={TOKEN} tenantName="Acme" />);
    await user.click(await screen.findByRole("button", { name: "Join Acme" }));
    expect(acceptInvitationAction).toHaveBeenCalledWith(TOKEN);
    expect(await screen.findByRole("alert")).toHaveTextContent("This invitation was withdrawn.");
  });
});
