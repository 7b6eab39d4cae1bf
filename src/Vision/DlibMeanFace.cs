namespace AccessGrid.Vision;

/// <summary>dlib's mean face shape (landmarks 17..67 in a unit square) and the chip template derived from it,
/// as in dlib's get_face_chip_details: chip position = ((padding + m) / (1 + 2·padding)) · size.</summary>
public static class DlibMeanFace
{
    public const int ChipSize = 150;
    public const float Padding = 0.25f;

    // Declared before ChipTemplate: static initialisers run in textual order.
    private static readonly PointF[] Mean =
    [
        new(0.000213256f, 0.106454f), new(0.0752622f, 0.038915f), new(0.18113f, 0.0187482f), new(0.29077f, 0.0344891f),
        new(0.393397f, 0.0773906f), new(0.586856f, 0.0773906f), new(0.689483f, 0.0344891f), new(0.799124f, 0.0187482f),
        new(0.904991f, 0.038915f), new(0.98004f, 0.106454f), new(0.490127f, 0.203352f), new(0.490127f, 0.307009f),
        new(0.490127f, 0.409805f), new(0.490127f, 0.515625f), new(0.36688f, 0.587326f), new(0.426036f, 0.609345f),
        new(0.490127f, 0.628106f), new(0.554217f, 0.609345f), new(0.613373f, 0.587326f), new(0.121737f, 0.216423f),
        new(0.187122f, 0.178758f), new(0.265825f, 0.179852f), new(0.334606f, 0.231733f), new(0.260918f, 0.245099f),
        new(0.182743f, 0.244077f), new(0.645647f, 0.231733f), new(0.714428f, 0.179852f), new(0.793132f, 0.178758f),
        new(0.858516f, 0.216423f), new(0.79751f, 0.244077f), new(0.719335f, 0.245099f), new(0.254149f, 0.780233f),
        new(0.340985f, 0.745405f), new(0.428858f, 0.727388f), new(0.490127f, 0.742578f), new(0.551395f, 0.727388f),
        new(0.639268f, 0.745405f), new(0.726104f, 0.780233f), new(0.642159f, 0.864805f), new(0.556721f, 0.902192f),
        new(0.490127f, 0.909281f), new(0.423532f, 0.902192f), new(0.338094f, 0.864805f), new(0.290379f, 0.784792f),
        new(0.428096f, 0.778746f), new(0.490127f, 0.785343f), new(0.552157f, 0.778746f), new(0.689874f, 0.784792f),
        new(0.553364f, 0.824182f), new(0.490127f, 0.831803f), new(0.42689f, 0.824182f),
    ];

    /// <summary>The landmarks the fit uses: nose 27–35, eyes 36–47, outer upper lip and corners 48–54, inner
    /// upper lip 60–64. Eyebrows and the lower lip move with expression, so dlib leaves them out.</summary>
    public static readonly int[] AlignmentPoints =
        [.. Enumerable.Range(27, 9), .. Enumerable.Range(36, 12), .. Enumerable.Range(48, 7), .. Enumerable.Range(60, 5)];

    /// <summary>Where each of <see cref="AlignmentPoints"/> lands in the 150×150 chip.</summary>
    public static readonly PointF[] ChipTemplate =
        [.. AlignmentPoints.Select(i => new PointF(
            (Padding + Mean[i - 17].X) / (1 + 2 * Padding) * ChipSize,
            (Padding + Mean[i - 17].Y) / (1 + 2 * Padding) * ChipSize))];
}
