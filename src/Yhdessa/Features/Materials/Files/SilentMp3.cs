namespace Yhdessa.Features.Materials.Files;

/// <summary>
/// Writes seconds of silence as an MP3 (MPEG-1 Layer III, 32 kbit/s, 48 kHz, mono) for the demo episodes, whose
/// recordings the project does not have. A frame whose side information is all zeros holds no sound, so a frame is its
/// four-byte header and zeros; every player decodes it as silence.
/// </summary>
public static class SilentMp3
{
    // 0xFFFB: frame sync, MPEG-1, Layer III, no CRC. 0x14: 32 kbit/s at 48 kHz, no padding. 0xC4: mono, original.
    private static readonly byte[] Header = [0xFF, 0xFB, 0x14, 0xC4];
    // 144 × bit rate / sample rate bytes per frame; each frame is 1,152 samples.
    private const int FrameBytes = 144 * 32_000 / 48_000;
    private const double FrameSeconds = 1152.0 / 48_000;

    public static byte[] Create(double seconds)
    {
        var frames = (int)Math.Ceiling(seconds / FrameSeconds);
        var bytes = new byte[frames * FrameBytes];
        for (var i = 0; i < frames; i++) Header.CopyTo(bytes, i * FrameBytes);
        return bytes;
    }
}
