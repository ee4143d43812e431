using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ContactHub.Channels.Email;

/// <summary>Trusts exactly one certificate (a private mail server's own), by SHA-256 fingerprint; null = system trust.</summary>
public static class TrustedCertificate
{
    public static RemoteCertificateValidationCallback? Only(string? pemFile)
    {
        if (string.IsNullOrWhiteSpace(pemFile))
        {
            return null;
        }
        using var trusted = X509CertificateLoader.LoadCertificateFromFile(pemFile);
        var fingerprint = trusted.GetCertHashString(HashAlgorithmName.SHA256);
        return (_, certificate, _, _) =>
            certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), fingerprint, StringComparison.OrdinalIgnoreCase);
    }
}
