using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Specter.Klarna.Invoicing.Tests.Conventions;

/// <summary>
/// Which source folder of a compiled assembly uses which: read from the assembly itself (signatures, base types, fields,
/// locals and every type, method and field token in the IL) and its portable PDB (which file declares each type), so a
/// fully qualified name, a <c>using static</c> or a global using cannot hide a dependency the way it could from a text scan.
/// </summary>
internal static class FolderDependencies
{
    /// <summary>The PDB's "type definition documents" record: the file of a type without method bodies (an enum, an interface).</summary>
    private static readonly Guid TypeDefinitionDocuments = new("932E74BC-DBA9-4478-8D46-0F32A7BAB3D3");

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields()
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Reads the edges "type in folder A uses type in folder B" (A ≠ B), keyed by the folder pair, with one example each.</summary>
    /// <param name="assemblyPath">The compiled assembly; its portable PDB must sit beside it.</param>
    /// <param name="folderOf">Maps a source path relative to the project directory (forward slashes) to its folder, or <see langword="null"/> to ignore the file (generated code).</param>
    public static IReadOnlyDictionary<(string From, string To), string> Read(string assemblyPath, Func<string, string?> folderOf)
    {
        using var peStream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(peStream);
        var metadata = pe.GetMetadataReader();
        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(Path.ChangeExtension(assemblyPath, ".pdb")));
        var pdb = pdbProvider.GetMetadataReader();

        var folders = FoldersOfTypes(metadata, pdb, folderOf);
        var edges = new Dictionary<(string, string), string>();
        foreach (var (type, folder) in folders)
        {
            foreach (var used in UsedTypes(metadata, pe, type))
            {
                var target = Outermost(metadata, used);
                if (folders.TryGetValue(target, out var usedFolder) && usedFolder != folder)
                {
                    edges.TryAdd((folder, usedFolder), $"{Name(metadata, type)} uses {Name(metadata, target)}");
                }
            }
        }

        return edges;
    }

    /// <summary>The folder of every top-level type (nested types count as their outermost type's), from the files that declare it.</summary>
    private static Dictionary<TypeDefinitionHandle, string> FoldersOfTypes(MetadataReader metadata, MetadataReader pdb, Func<string, string?> folderOf)
    {
        var documentsOfType = new Dictionary<TypeDefinitionHandle, List<DocumentHandle>>();
        foreach (var handle in metadata.MethodDefinitions)
        {
            var document = pdb.GetMethodDebugInformation(handle.ToDebugInformationHandle()).Document;
            if (!document.IsNil)
            {
                Add(documentsOfType, Outermost(metadata, metadata.GetMethodDefinition(handle).GetDeclaringType()), document);
            }
        }

        foreach (var handle in pdb.CustomDebugInformation)
        {
            var info = pdb.GetCustomDebugInformation(handle);
            if (info.Parent.Kind == HandleKind.TypeDefinition && pdb.GetGuid(info.Kind) == TypeDefinitionDocuments)
            {
                var blob = pdb.GetBlobReader(info.Value);
                while (blob.RemainingBytes > 0)
                {
                    Add(documentsOfType, Outermost(metadata, (TypeDefinitionHandle)info.Parent), MetadataTokens.DocumentHandle(blob.ReadCompressedInteger()));
                }
            }
        }

        var folders = new Dictionary<TypeDefinitionHandle, string>();
        foreach (var (type, documents) in documentsOfType)
        {
            var folder = documents.Select(d => folderOf(pdb.GetString(pdb.GetDocument(d).Name).Replace('\\', '/'))).FirstOrDefault(f => f is not null);
            if (folder is not null)
            {
                folders[type] = folder;
            }
        }

        return folders;
    }

    private static void Add(Dictionary<TypeDefinitionHandle, List<DocumentHandle>> map, TypeDefinitionHandle type, DocumentHandle document)
    {
        if (!map.TryGetValue(type, out var list))
        {
            map[type] = list = [];
        }

        list.Add(document);
    }

    private static IEnumerable<TypeDefinitionHandle> UsedTypes(MetadataReader metadata, PEReader pe, TypeDefinitionHandle outer)
    {
        var found = new HashSet<TypeDefinitionHandle>();
        var collector = new TypeCollector(metadata, found);
        foreach (var handle in WithNested(metadata, outer))
        {
            var type = metadata.GetTypeDefinition(handle);
            collector.AddType(type.BaseType);
            foreach (var implementation in type.GetInterfaceImplementations())
            {
                collector.AddType(metadata.GetInterfaceImplementation(implementation).Interface);
            }

            foreach (var field in type.GetFields())
            {
                metadata.GetFieldDefinition(field).DecodeSignature(collector, null);
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                method.DecodeSignature(collector, null);
                if (method.RelativeVirtualAddress != 0)
                {
                    ScanBody(metadata, pe.GetMethodBody(method.RelativeVirtualAddress), collector);
                }
            }
        }

        return found;
    }

    private static IEnumerable<TypeDefinitionHandle> WithNested(MetadataReader metadata, TypeDefinitionHandle type) =>
        metadata.GetTypeDefinition(type).GetNestedTypes().SelectMany(n => WithNested(metadata, n)).Prepend(type);

    private static void ScanBody(MetadataReader metadata, MethodBodyBlock body, TypeCollector collector)
    {
        if (!body.LocalSignature.IsNil)
        {
            metadata.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(collector, null);
        }

        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            short value = il.ReadByte();
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il.ReadByte());
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    collector.AddToken(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                case OperandType.InlineSwitch:
                    int targets = il.ReadInt32(); // read first: "Offset += 4 * ReadInt32()" would add to the offset before the read
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                default:
                    il.Offset += 4;
                    break;
            }
        }
    }

    internal static TypeDefinitionHandle Outermost(MetadataReader metadata, TypeDefinitionHandle type)
    {
        while (metadata.GetTypeDefinition(type).GetDeclaringType() is { IsNil: false } declaring)
        {
            type = declaring;
        }

        return type;
    }

    private static string Name(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = metadata.GetTypeDefinition(handle);
        return metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name);
    }

    /// <summary>Collects the assembly's own types met in signatures and tokens (generic arguments included).</summary>
    private sealed class TypeCollector(MetadataReader metadata, HashSet<TypeDefinitionHandle> found) : ISignatureTypeProvider<int, object?>
    {
        public void AddToken(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition or HandleKind.TypeSpecification or HandleKind.TypeReference:
                    AddType(handle);
                    break;
                case HandleKind.MethodDefinition:
                    var method = metadata.GetMethodDefinition((MethodDefinitionHandle)handle);
                    found.Add(method.GetDeclaringType());
                    method.DecodeSignature(this, null);
                    break;
                case HandleKind.FieldDefinition:
                    found.Add(metadata.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.MemberReference:
                    var member = metadata.GetMemberReference((MemberReferenceHandle)handle);
                    AddToken(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        member.DecodeMethodSignature(this, null);
                    }
                    else
                    {
                        member.DecodeFieldSignature(this, null);
                    }

                    break;
                case HandleKind.MethodSpecification:
                    var specification = metadata.GetMethodSpecification((MethodSpecificationHandle)handle);
                    AddToken(specification.Method);
                    specification.DecodeSignature(this, null);
                    break;
            }
        }

        public void AddType(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    found.Add((TypeDefinitionHandle)handle);
                    break;
                case HandleKind.TypeSpecification:
                    metadata.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
            }
        }

        public int GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            found.Add(handle);
            return 0;
        }

        public int GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => 0;

        public int GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            AddType(handle);
            return 0;
        }

        public int GetArrayType(int elementType, ArrayShape shape) => 0;

        public int GetByReferenceType(int elementType) => 0;

        public int GetFunctionPointerType(MethodSignature<int> signature) => 0;

        public int GetGenericInstantiation(int genericType, ImmutableArray<int> typeArguments) => 0;

        public int GetGenericMethodParameter(object? genericContext, int index) => 0;

        public int GetGenericTypeParameter(object? genericContext, int index) => 0;

        public int GetModifiedType(int modifier, int unmodifiedType, bool isRequired) => 0;

        public int GetPinnedType(int elementType) => 0;

        public int GetPointerType(int elementType) => 0;

        public int GetPrimitiveType(PrimitiveTypeCode typeCode) => 0;

        public int GetSZArrayType(int elementType) => 0;
    }
}
